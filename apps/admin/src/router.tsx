import { createBrowserRouter, type RouteObject } from 'react-router';
import { RequireAuth } from './auth/require-auth.js';
import { AppLayout } from './layout/app-layout.js';
import { AuditPage } from './pages/audit/audit-page.js';
import { BatchDetailPage } from './pages/batches/batch-detail-page.js';
import { BatchesPage } from './pages/batches/batches-page.js';
import { OverduePage } from './pages/overdue/overdue-page.js';
import { PickupsPage } from './pages/pickups/pickups-page.js';
import { ReissuesPage } from './pages/reissues/reissues-page.js';
import { MissingInstitutionPage } from './pages/residents/missing-institution-page.js';
import { ResidentCreatePage } from './pages/residents/resident-create-page.js';
import { ResidentDetailPage } from './pages/residents/resident-detail-page.js';
import { ResidentsPage } from './pages/residents/residents-page.js';
import { ReturnBatchPage } from './pages/returns/return-batch-page.js';
import { ReturnsPage } from './pages/returns/returns-page.js';
import { UnitDetailPage } from './pages/units/unit-detail-page.js';
import { UnitsPage } from './pages/units/units-page.js';
import { CardsPage } from './pages/cards/cards-page.js';
import { CollegesPage } from './pages/students/colleges-page.js';
import { DashboardPage } from './pages/dashboard/dashboard-page.js';
import { ImportJobPage } from './pages/imports/import-job-page.js';
import { ImportsPage } from './pages/imports/imports-page.js';
import { HomeRedirect } from './pages/home-redirect.js';
import { LookupPage } from './pages/lookup/lookup-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { SignInPage } from './pages/sign-in/sign-in-page.js';
import { StudentCreatePage } from './pages/student-create/student-create-page.js';
import { StudentDashboardPage } from './pages/student-dashboard/student-dashboard-page.js';
import { StudentDetailPage } from './pages/student-detail/student-detail-page.js';
import { StudentsPage } from './pages/students/students-page.js';
import { UnitCardsPage } from './pages/unit-cards/unit-cards-page.js';
import { UnitMovedPage } from './pages/unit-moved/unit-moved-page.js';
import { UnitReceiptPage } from './pages/unit-receipt/unit-receipt-page.js';
import { UnitReturnsPage } from './pages/unit-returns/unit-returns-page.js';
import { AccountPage } from './pages/account/account-page.js';
import { UsersPage } from './pages/users/users-page.js';

/** Public: sign-in and the parents' lookup. Everything else needs a session (nav-items.ts). */
export const routes: RouteObject[] = [
  { path: '/login', element: <SignInPage /> },
  { path: '/lookup', element: <LookupPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'dashboard', element: <DashboardPage /> },
      { path: 'cards', element: <CardsPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'units', element: <UnitsPage /> },
      { path: 'units/:id', element: <UnitDetailPage /> },
      { path: 'batches', element: <BatchesPage /> },
      { path: 'batches/:id', element: <BatchDetailPage /> },
      { path: 'pickups', element: <PickupsPage /> },
      { path: 'returns', element: <ReturnsPage /> },
      { path: 'returns/:batchId', element: <ReturnBatchPage /> },
      { path: 'reissues', element: <ReissuesPage /> },
      { path: 'residents', element: <ResidentsPage /> },
      { path: 'residents/new', element: <ResidentCreatePage /> },
      { path: 'residents/:id', element: <ResidentDetailPage /> },
      { path: 'missing-institution', element: <MissingInstitutionPage /> },
      { path: 'overdue', element: <OverduePage /> },
      { path: 'unit/cards', element: <UnitCardsPage /> },
      { path: 'unit/receipt', element: <UnitReceiptPage /> },
      { path: 'unit/returns', element: <UnitReturnsPage /> },
      { path: 'unit/moved', element: <UnitMovedPage /> },
      { path: 'students', element: <StudentsPage /> },
      { path: 'students/dashboard', element: <StudentDashboardPage /> },
      { path: 'students/new', element: <StudentCreatePage /> },
      { path: 'students/:id', element: <StudentDetailPage /> },
      { path: 'colleges', element: <CollegesPage /> },
      { path: 'imports', element: <ImportsPage /> },
      { path: 'imports/:id', element: <ImportJobPage /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'account', element: <AccountPage /> },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
