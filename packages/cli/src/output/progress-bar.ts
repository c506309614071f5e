/** Progress of a command that does many things. */
export interface ProgressBar {
  /** Marks `count` more things done. */
  tick(count?: number): void;
  /** Clears the bar; call once at the end. */
  done(): void;
}

const WIDTH = 30;

/** A bar redrawn in place on the terminal; with no terminal, a bar that draws nothing. */
export function progressBar(
  total: number,
  label: string,
  tty: ((text: string) => void) | undefined,
): ProgressBar {
  if (tty === undefined || total <= 1) return { tick: () => undefined, done: () => undefined };
  let current = 0;
  const draw = (): void => {
    tty(`\r${renderBar(current, total, label)}`);
  };
  draw();
  return {
    tick: (count = 1) => {
      current = Math.min(total, current + count);
      draw();
    },
    done: () => {
      tty('\r\u001b[2K');
    },
  };
}

/** One frame of the bar, e.g. `sending [=====-----] 5/10`. */
export function renderBar(current: number, total: number, label: string): string {
  const filled = total === 0 ? WIDTH : Math.round((current / total) * WIDTH);
  return `${label} [${'='.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${current}/${total}`;
}
