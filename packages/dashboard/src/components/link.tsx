import type { ComponentChildren } from 'preact';
import { linkClick } from '../route.js';

export interface LinkProps {
  readonly href: string;
  readonly children: ComponentChildren;
  readonly current?: boolean;
}

/** An in-app link: a real anchor (keyboard, middle-click) that routes without a reload. */
export function Link({ href, children, current = false }: LinkProps) {
  return (
    <a
      href={href}
      aria-current={current ? 'page' : undefined}
      onClick={(event) => {
        linkClick(event, href);
      }}
    >
      {children}
    </a>
  );
}
