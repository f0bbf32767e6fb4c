import type { Channel } from '@uplift/domain';

/** One color per channel, the same in every Insights chart. */
export const CHANNEL_COLORS: Record<Channel, string> = {
  EMAIL: 'indigo.6',
  BANNER: 'teal.6',
  OFFLINE: 'orange.6',
  PUSH: 'grape.6',
  SMS: 'pink.6',
};
