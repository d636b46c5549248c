/**
 * Per-document settings (section `planAsCode`), read with `workspace/configuration` (scopeUri = the
 * document) when the client supports it, cached per document and dropped on
 * `workspace/didChangeConfiguration`. Clients without `workspace/configuration` get the settings
 * they sent with `didChangeConfiguration` (or the defaults) for every document.
 */
import { DEFAULT_SETTINGS, normalizeSettings, type PlanSettings } from './protocol';

export type SettingsFetcher = (uri: string) => Promise<unknown>;

export class SettingsCache {
  private readonly pending = new Map<string, Promise<PlanSettings>>();
  private readonly known = new Map<string, PlanSettings>();
  private global: PlanSettings = DEFAULT_SETTINGS;
  private generation = 0;

  /** `fetch` is undefined when the client cannot answer `workspace/configuration`. */
  constructor(private readonly fetch: SettingsFetcher | undefined, private readonly log: (message: string) => void = () => {}) {}

  /** The settings of a document (fetched once, then cached until the configuration changes). */
  get(uri: string): Promise<PlanSettings> {
    if (!this.fetch) return Promise.resolve(this.global);
    let p = this.pending.get(uri);
    if (!p) {
      const generation = this.generation;
      p = this.fetch(uri).then(
        (raw) => normalizeSettings(raw),
        (e: unknown) => {
          this.log(`Could not read the settings of ${uri}: ${e instanceof Error ? e.message : String(e)}`);
          return this.global;
        },
      ).then((s) => {
        // A configuration change while the request was in flight makes this answer stale.
        if (generation === this.generation) this.known.set(uri, s);
        return s;
      });
      this.pending.set(uri, p);
    }
    return p;
  }

  /** The last known settings of a document, without waiting (the defaults until the first answer). */
  peek(uri: string): PlanSettings {
    return this.known.get(uri) ?? this.global;
  }

  /** The configuration changed: forget everything. `settings` is what a push-style client sent. */
  changed(settings?: unknown): void {
    this.generation++;
    this.pending.clear();
    this.known.clear();
    const section = settings && typeof settings === 'object' ? (settings as Record<string, unknown>).planAsCode : undefined;
    if (section !== undefined) this.global = normalizeSettings(section);
  }

  forget(uri: string): void {
    this.pending.delete(uri);
    this.known.delete(uri);
  }
}
