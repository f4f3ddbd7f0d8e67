import type { ReactNode } from 'react';

/**
 * An error a person must notice, announced to screen readers: `boxed` under a whole form,
 * plain beside the part it is about. Renders nothing without a message.
 */
export function ErrorMessage({
  children,
  boxed = false,
  className = '',
  id,
}: {
  children: ReactNode;
  boxed?: boolean;
  className?: string;
  id?: string;
}) {
  if (!children) return null;
  const look = boxed ? 'rounded-md bg-red-50 px-3 py-2 text-sm text-red-800' : 'text-sm text-red-700';
  return (
    <p id={id} role="alert" className={`${look} ${className}`.trim()}>
      {children}
    </p>
  );
}
