/** A unified diff, one line per row, added lines green and removed ones red (text only, no HTML). */
export function DiffView({ diff, testId }: { diff: string; testId?: string }) {
  const lines = diff.split('\n').filter((l, i) => i > 1 || !/^(Index|=+)/.test(l));
  return (
    <pre data-testid={testId} className="max-h-96 overflow-auto rounded-md bg-zinc-950 p-3 font-mono text-[11.5px] leading-relaxed text-zinc-300">
      {lines.map((l, i) => (
        <div
          key={i}
          className={l.startsWith('+') && !l.startsWith('+++') ? 'bg-emerald-950 text-emerald-300' : l.startsWith('-') && !l.startsWith('---') ? 'bg-red-950 text-red-300' : l.startsWith('@@') ? 'text-sky-400' : undefined}
        >
          {l || ' '}
        </div>
      ))}
    </pre>
  );
}
