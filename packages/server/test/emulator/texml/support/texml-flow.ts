import { TexmlApp } from './texml-app.js';
import { eventually, TexmlServer } from './texml-server.js';

/** A server, an app on a socket, and helpers to point numbers at it and place calls. */
export class TexmlFlow {
  private constructor(
    readonly s: TexmlServer,
    readonly app: TexmlApp,
  ) {}

  static async start(texml: Parameters<typeof TexmlServer.start>[0] = {}): Promise<TexmlFlow> {
    const s = await TexmlServer.start(texml);
    return new TexmlFlow(s, await new TexmlApp(s.server.publicKey).start());
  }

  get accountId(): string {
    return this.s.server.accountId;
  }

  /** A TeXML application answering at `voicePath`, its status callback at `/status/<number>`. */
  async application(voicePath: string, extra: Record<string, unknown> = {}): Promise<string> {
    const created = await this.s.api('POST', '/v2/texml_applications', {
      friendly_name: `app ${voicePath}`,
      voice_url: this.app.url(voicePath),
      ...extra,
    });
    return (created.json['data'] as { id: string }).id;
  }

  /** Simulates an inbound call into `voicePath`'s app; resolves with the CallSid. */
  async inbound(
    voicePath: string,
    options: { script?: unknown[]; fallback?: string } = {},
  ): Promise<string> {
    const connectionId = await this.application(voicePath, {
      status_callback: this.app.url(`/status${voicePath}`),
      ...(options.fallback === undefined
        ? {}
        : { voice_fallback_url: this.app.url(options.fallback) }),
    });
    this.app.route(`/status${voicePath}`, '');
    const reply = await this.s.api('POST', '/switchboard/simulate/calls', {
      connection_id: connectionId,
      from: '+14155550123',
      to: '+13125557000',
      ...(options.script === undefined ? {} : { script: options.script }),
    });
    if (reply.status !== 200) throw new Error(JSON.stringify(reply.json));
    return (reply.json['data'] as { call_control_id: string }).call_control_id;
  }

  /** Waits for the app's `completed` status callback of the call into `voicePath`. */
  completed(voicePath: string): Promise<unknown> {
    return eventually(() =>
      this.app
        .to(`/status${voicePath}`)
        .find((request) => request.params.CallStatus === 'completed'),
    );
  }

  calls(path = ''): string {
    return `/v2/texml/Accounts/${this.accountId}/${path}`;
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.s.close();
  }
}
