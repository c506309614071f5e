/** The status and first error item of a rejected SDK call, or nothing when it succeeded. */
export async function sdkErrorOf(promise: Promise<unknown>): Promise<{
  readonly status: number | undefined;
  readonly first: { readonly code?: string; readonly source?: unknown } | undefined;
}> {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as { status?: number; error?: { errors?: { code?: string; source?: unknown }[] } } | null;
  return { status: error?.status, first: error?.error?.errors?.[0] };
}
