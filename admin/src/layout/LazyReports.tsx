import { lazy, Suspense } from 'react';
import { Loading } from 'react-admin';

// The reports (and their chart library) load only when someone opens them: the desk's console stays light.
const ReportsPage = lazy(() => import('../reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));

export function LazyReports() {
  return (
    <Suspense fallback={<Loading />}>
      <ReportsPage />
    </Suspense>
  );
}
