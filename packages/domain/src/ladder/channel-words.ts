import type { Channel } from '../enums';

/** A channel as a heading or label: "Email", "Banners", "SMS" — never the enum's `BANNER` or a humanised "Sms". */
export const CHANNEL_LABEL: Record<Channel, string> = {
  EMAIL: 'Email',
  BANNER: 'Banners',
  OFFLINE: 'Offline',
  PUSH: 'Push',
  SMS: 'SMS',
};

/** A channel inside a sentence: "won in email, moves up to banners", "by SMS". */
export const CHANNEL_WORD: Record<Channel, string> = {
  EMAIL: 'email',
  BANNER: 'banners',
  OFFLINE: 'offline',
  PUSH: 'push',
  SMS: 'SMS',
};

/** The sentence word of a channel stored as a string; an unknown one reads in lower case rather than shouting. */
export const channelWord = (channel: string) => CHANNEL_WORD[channel as Channel] ?? channel.toLowerCase();
export const channelLabel = (channel: string) => CHANNEL_LABEL[channel as Channel] ?? channel;
