import {
  type DynamicToolUIPart,
  getToolName,
  isToolUIPart,
  type SourceUrlUIPart,
  type ToolUIPart,
  type UIMessage,
} from 'ai';

/** One message, its parts in the order they were streamed. */
export function ChatMessage({ message }: { message: UIMessage }) {
  return (
    <article
      className={`message message-${message.role}`}
      data-testid={`message-${message.role}`}
    >
      <div className="message-role">
        {message.role === 'user' ? 'You' : 'Assistant'}
      </div>
      {message.parts.map((part, index) => {
        const key = `${message.id}-${index}`;
        if (part.type === 'text') {
          return (
            <p key={key} className="message-text" data-testid="message-text">
              {part.text}
            </p>
          );
        }
        if (part.type === 'reasoning') {
          return (
            <details key={key} className="reasoning" data-testid="reasoning">
              <summary>
                {part.state === 'streaming' ? 'Reasoning…' : 'Reasoning'}
              </summary>
              <p data-testid="reasoning-text">{part.text}</p>
            </details>
          );
        }
        if (isToolUIPart(part)) {
          return <ToolCall key={key} part={part} />;
        }
        return null;
      })}
      <Sources parts={message.parts} />
    </article>
  );
}

function ToolCall({ part }: { part: ToolUIPart | DynamicToolUIPart }) {
  return (
    <div className="tool-call" data-testid="tool-call" data-state={part.state}>
      <div className="tool-label">
        Tool call{' '}
        <span className="tool-name" data-testid="tool-name">
          {getToolName(part)}
        </span>
      </div>
      <div className="tool-label">Input</div>
      <pre data-testid="tool-input">
        {JSON.stringify(part.input ?? {}, null, 2)}
      </pre>
      {part.state === 'output-available' && (
        <>
          <div className="tool-label">Result</div>
          <pre data-testid="tool-output">
            {JSON.stringify(part.output, null, 2)}
          </pre>
        </>
      )}
      {part.state === 'output-error' && (
        <>
          <div className="tool-label">Error</div>
          <pre className="tool-error" data-testid="tool-error">
            {part.errorText}
          </pre>
        </>
      )}
      {(part.state === 'input-streaming' ||
        part.state === 'input-available') && (
        <div className="tool-label">Running…</div>
      )}
    </div>
  );
}

function Sources({ parts }: { parts: UIMessage['parts'] }) {
  // Each step of a tool loop may cite the same pages again; list each once.
  const sources = new Map<string, SourceUrlUIPart>();
  for (const part of parts) {
    if (part.type === 'source-url' && !sources.has(part.url)) {
      sources.set(part.url, part);
    }
  }
  if (sources.size === 0) {
    return null;
  }
  return (
    <section className="sources" data-testid="sources">
      <div className="sources-label">Sources</div>
      <ul>
        {[...sources.values()].map(source => (
          <li key={source.url}>
            <a
              href={source.url}
              target="_blank"
              rel="noreferrer"
              data-testid="source-link"
            >
              {source.title ?? source.url}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
