'use client';

import './globals.css';

/** Last-resort error page when the root layout itself fails; renders its own document. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const message = error instanceof Error ? error.message : 'Unknown error';
  return (
    <html lang="en">
      <body className="grid min-h-screen place-items-center bg-zinc-50 p-8">
        <div role="alert" className="max-w-lg rounded-lg border border-red-200 bg-white p-6">
          <h1 className="text-base font-semibold text-red-900">The control panel failed to load</h1>
          <p className="mt-2 text-sm break-words text-zinc-700">{message}</p>
          <button
            type="button"
            onClick={() => retry()}
            className="mt-4 rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-50"
          >
            Try again
          </button>
        </div>
      </body>
    </html>
  );
}
