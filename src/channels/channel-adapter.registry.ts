import { Inject, Injectable } from '@nestjs/common';
import type { ChannelProvider } from '../generated/prisma/enums.js';
import { CHANNEL_ADAPTERS, type ChannelAdapter } from './channel-adapter.js';

/** Finds the adapter of a provider; every provider but the simulator has one. */
@Injectable()
export class ChannelAdapterRegistry {
  private readonly byProvider: Map<ChannelProvider, ChannelAdapter>;

  constructor(@Inject(CHANNEL_ADAPTERS) adapters: ChannelAdapter[]) {
    this.byProvider = new Map(adapters.map((a) => [a.provider, a]));
  }

  get(provider: ChannelProvider): ChannelAdapter | null {
    return this.byProvider.get(provider) ?? null;
  }
}
