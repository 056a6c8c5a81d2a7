/** The user's settings (File › Settings…), kept in state.json. Plain JSON, like the rest of the contract. */
export interface Settings {
  /** Files larger than this are refused whole, before they are read. */
  importCapMegabytes: number;
  /** How often subscriptions refresh while the computer is online. */
  refreshMinutes: number;
  /** The name colleagues see on what the user shares; absent: the computer's user name. */
  senderName?: string;
}

/** The range each setting accepts, from main, so the dialog and main's validation agree. */
export type SettingsLimits = {
  readonly [K in keyof Settings as Settings[K] extends number ? K : never]: {
    readonly min: number;
    readonly max: number;
  };
};
