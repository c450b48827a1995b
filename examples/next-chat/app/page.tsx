'use client';

import { useChat } from '@ai-sdk/react';
import { type FormEvent, useState } from 'react';
import { ChatMessage } from './chat-message';

export default function ChatPage() {
  // The default transport posts the conversation to /api/chat.
  const { messages, sendMessage, status, error } = useChat();
  const [input, setInput] = useState('');
  const busy = status === 'submitted' || status === 'streaming';

  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = input.trim();
    if (text === '' || busy) {
      return;
    }
    sendMessage({ text });
    setInput('');
  }

  return (
    <main className="chat">
      <header className="chat-header">
        <h1>next-chat</h1>
        <p>
          <code>useChat</code> on <code>ai-sdk-openrouter</code>: streamed text,
          reasoning, tool calls and sources.
        </p>
      </header>

      <section className="messages" data-testid="messages">
        {messages.length === 0 && (
          <p className="empty">Ask about the weather somewhere.</p>
        )}
        {messages.map(message => (
          <ChatMessage key={message.id} message={message} />
        ))}
      </section>

      {error != null && (
        <p className="error" data-testid="chat-error" role="alert">
          {error.message}
        </p>
      )}

      <form className="composer" onSubmit={send}>
        <input
          data-testid="chat-input"
          value={input}
          onChange={event => setInput(event.target.value)}
          placeholder="What's the weather in Paris?"
          aria-label="Message"
        />
        <button type="submit" data-testid="send-button" disabled={busy}>
          Send
        </button>
      </form>
      <p className="status" data-testid="chat-status" data-status={status}>
        {busy ? 'Thinking…' : 'Ready'}
      </p>
    </main>
  );
}
