/**
 * An error the API answers as a problem document with its status and message in both languages:
 * refused access (401, 403), conflicts, and the like outside the registry's own errors.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly zh: string,
    readonly en: string,
    readonly field?: string,
  ) {
    super(en);
  }
}

export const signInRequired = () =>
  new ApiError(401, '請先登入', 'sign in first (a session cookie or a bearer token)');

export const forbidden = () =>
  new ApiError(403, '您沒有此操作的權限', 'your role or scope does not allow this');

export const outOfScope = () =>
  new ApiError(
    403,
    '此資料不在您的業務範圍內',
    'this record is outside your district, caseload or household',
  );
