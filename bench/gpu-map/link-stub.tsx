/** `next/link` for the benchmark harness, which runs outside Next: a plain anchor. */
import type { AnchorHTMLAttributes } from 'react';

export default function Link({ href, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return <a href={href} {...rest} />;
}
