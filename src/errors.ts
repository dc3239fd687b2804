// A mistake of the user's (bad option, unreadable input): printed as one line, exit 2, no stack.
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
