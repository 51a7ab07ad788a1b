import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { ADMIN_DIST_DIR, AdminStaticController, findConsoleBuild } from './admin-static.controller.js';

/**
 * Serves the built staff console (admin/dist, from `npm run build`) at /admin. Registers nothing when
 * there is no build, e.g. during `npm run dev`, where Vite serves the console itself.
 */
@Module({})
export class AdminStaticModule {
  static forRoot(dir: string | null | undefined = findConsoleBuild()): DynamicModule {
    if (!dir) {
      new Logger('AdminStatic').log('No console build (admin/dist); /admin is not served by the API');
      return { module: AdminStaticModule };
    }
    return { module: AdminStaticModule, controllers: [AdminStaticController], providers: [{ provide: ADMIN_DIST_DIR, useValue: dir }] };
  }
}
