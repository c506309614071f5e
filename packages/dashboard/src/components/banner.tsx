export interface BannerProps {
  readonly message: string | null;
  readonly kind?: 'error' | 'info';
}

/** A status line read out by screen readers when it changes. */
export function Banner({ message, kind = 'error' }: BannerProps) {
  if (message === null) return null;
  return (
    <p class={`banner ${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {message}
    </p>
  );
}
