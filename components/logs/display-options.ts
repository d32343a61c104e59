/** How the lines are shown (changing these never restarts the stream). */
export interface ViewOptions {
  search: string;
  /** Only lines matching this regex are shown. */
  filter: string;
  timestamps: boolean;
  wrap: boolean;
  follow: boolean;
}

export const DEFAULT_VIEW: ViewOptions = { search: '', filter: '', timestamps: false, wrap: false, follow: true };
