import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { Menu } from './Menu';
import { SessionWatcher } from './SessionWatcher';

export function Layout({ children }: { children: ReactNode }) {
  return (
    <RaLayout menu={Menu}>
      <SessionWatcher />
      {children}
    </RaLayout>
  );
}
