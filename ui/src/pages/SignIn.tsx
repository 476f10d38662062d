import { useState, type FormEvent } from "react";
import { signIn } from "../api/auth";
import { resetWsClient } from "../api/client";

export function SignIn({ message }: { message: string }) {
  const [key, setKey] = useState("");
  function submit(event: FormEvent): void {
    event.preventDefault();
    if (!key.trim()) return;
    resetWsClient();
    signIn(key);
    window.location.reload();
  }
  return (
    <main id="main" className="signin">
      <h1>Sign in to flowrun</h1>
      <p>This server requires an API key.{message ? ` The server said: ${message}` : ""}</p>
      <form onSubmit={submit} className="stack">
        <label>
          API key
          <input type="password" autoComplete="off" value={key} required autoFocus
            onChange={(e) => setKey(e.target.value)} name="api-key" />
        </label>
        <p className="hint">The key is kept in this tab only, until you close it or sign out.</p>
        <button type="submit" className="primary">Sign in</button>
      </form>
    </main>
  );
}
