import { describe, expect, it } from 'vitest';
import { loadAuthSettings } from './settings';

const noFile = () => {
  throw new Error('ENOENT');
};

describe('panelNamespace (where the list of signed-out sessions is kept)', () => {
  it('is IMAGEPOD_PANEL_NAMESPACE when set', () => {
    expect(loadAuthSettings({ IMAGEPOD_PANEL_NAMESPACE: 'panel' }, noFile).panelNamespace).toBe('panel');
  });

  it("in a cluster: the ServiceAccount's namespace, read from its mounted file", () => {
    const read = (p: string) => {
      expect(p).toBe('/var/run/secrets/kubernetes.io/serviceaccount/namespace');
      return 'tools\n';
    };
    expect(loadAuthSettings({ KUBERNETES_SERVICE_HOST: '10.0.0.1' }, read).panelNamespace).toBe('tools');
  });

  it('otherwise, or when the file is missing or holds no namespace name: imagepod-system', () => {
    expect(loadAuthSettings({}, () => 'never read').panelNamespace).toBe('imagepod-system');
    expect(loadAuthSettings({ KUBERNETES_SERVICE_HOST: '10.0.0.1' }, noFile).panelNamespace).toBe('imagepod-system');
    expect(loadAuthSettings({ KUBERNETES_SERVICE_HOST: '10.0.0.1' }, () => '../Etc').panelNamespace).toBe(
      'imagepod-system',
    );
  });

  it('refuses a value that is not a namespace name', () => {
    expect(() => loadAuthSettings({ IMAGEPOD_PANEL_NAMESPACE: 'Bad/Name' }, noFile)).toThrow();
  });
});
