/**
 * The failure a command reports with minimega's exact error text. Handlers
 * and the helpers beneath them (targets, launches) throw it; dispatch turns
 * it into an error response.
 */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}
