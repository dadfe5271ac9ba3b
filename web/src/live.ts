import { accessToken } from './auth';
import type { TimelineEntry } from './types';

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'closed';

/**
 * A session's live feed: every timeline entry once, in seq order. After a drop it reconnects with
 * `?after=<last seq seen>`, so nothing is missed and nothing is shown twice. Browsers cannot set headers on
 * a WebSocket, so the token rides in `access_token`, which the gateway and session-service accept.
 */
export class LiveFeed {
  private socket: WebSocket | null = null;
  private lastSeq = 0;
  private stopped = false;
  private retry = 0;

  constructor(
    private readonly sessionId: string,
    private readonly onEntry: (entry: TimelineEntry) => void,
    private readonly onState: (state: LiveState) => void,
  ) {}

  get seq(): number {
    return this.lastSeq;
  }

  async open(): Promise<void> {
    if (this.stopped) return;
    this.onState(this.retry === 0 ? 'connecting' : 'reconnecting');
    const token = await accessToken();
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const url = `${scheme}://${location.host}/api/sessions/${this.sessionId}/live?after=${this.lastSeq}&access_token=${encodeURIComponent(token)}`;
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onopen = () => {
      this.retry = 0;
      this.onState('live');
    };
    socket.onmessage = (message) => {
      const entry = JSON.parse(message.data as string) as TimelineEntry;
      if (entry.seq <= this.lastSeq) return; // a resync may resend what was already shown
      this.lastSeq = entry.seq;
      this.onEntry(entry);
    };
    socket.onclose = () => {
      if (this.stopped) return this.onState('closed');
      this.onState('reconnecting');
      const delay = Math.min(10_000, 500 * 2 ** this.retry++);
      setTimeout(() => void this.open(), delay);
    };
  }

  close(): void {
    this.stopped = true;
    this.socket?.close();
  }
}
