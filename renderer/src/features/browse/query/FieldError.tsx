/** Inline validation messages under a field. */
export function FieldError({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <span className="b-error">
      {messages.map((m) => (
        <span key={m}>{m}</span>
      ))}
    </span>
  );
}
