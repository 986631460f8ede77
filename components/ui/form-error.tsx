/** A form's error line, announced to screen readers; renders nothing without a message. */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className="text-sm text-red-700" data-testid="form-error">
      {message}
    </p>
  );
}
