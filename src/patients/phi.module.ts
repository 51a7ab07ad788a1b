import { Global, Module } from '@nestjs/common';
import { PhiCipher } from '../common/crypto/phi-cipher.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';

export const PHI_CIPHER = Symbol('PHI_CIPHER');

/** The process's PHI cipher, built from the validated key ring. */
@Global()
@Module({
  providers: [{ provide: PHI_CIPHER, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new PhiCipher(config.phi.keys, config.phi.activeKeyId, config.phi.blindIndexKey) }],
  exports: [PHI_CIPHER],
})
export class PhiModule {}
