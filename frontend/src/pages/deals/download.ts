import { authHeaders } from '../../api/client';
import { ApiError, type Problem } from '../../api/problem';

/** Downloads a protected file (the bearer token cannot ride on a plain link) and saves it under `filename`. */
export async function download(path: string, filename: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { headers: await authHeaders() });
  } catch (error) {
    throw new ApiError(0, { title: 'offline', detail: String(error) });
  }
  if (!response.ok) {
    let problem: Problem = { status: response.status };
    try { problem = (await response.json()) as Problem; } catch { /* keep the status */ }
    throw new ApiError(response.status, problem);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
