import { Module } from '@nestjs/common';
import { HoldStore } from './hold.store.js';

/** Separate from BookingModule so availability can read live holds without depending on booking. */
@Module({ providers: [HoldStore], exports: [HoldStore] })
export class HoldStoreModule {}
