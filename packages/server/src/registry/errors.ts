/** Errors of registry commands, each with a Traditional Chinese and an English message. */
export class RegistryError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    readonly zh: string,
    readonly en: string,
    readonly field?: string,
  ) {
    super(en);
    this.name = 'RegistryError';
  }
}
