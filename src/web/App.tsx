import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout.tsx';
import { PageLoader, RequireCapability } from './components/Page.tsx';
import { useIdleLock } from './session/idle.ts';
import { LoginPage } from './routes/LoginPage.tsx';
import { useSession } from './session/session.ts';

// Every screen behind the login is its own chunk: the first load carries the login and the frame.
function page<P extends object, K extends string>(load: () => Promise<{ [k in K]: (props: P) => ReactNode }>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
const TodayPage = page(() => import('./routes/TodayPage.tsx'), 'TodayPage');
const PatientsPage = page(() => import('./routes/patients/PatientsPage.tsx'), 'PatientsPage');
const RegisterPatientPage = page(() => import('./routes/patients/RegisterPatientPage.tsx'), 'RegisterPatientPage');
const ChartPage = page(() => import('./routes/chart/ChartPage.tsx'), 'ChartPage');
const CoursePlannerPage = page(() => import('./routes/course/CoursePlannerPage.tsx'), 'CoursePlannerPage');
const CoursePage = page(() => import('./routes/course/CoursePage.tsx'), 'CoursePage');
const CourseEditPage = page(() => import('./routes/course/CourseEditPage.tsx'), 'CourseEditPage');
const PhotoComparePage = page(() => import('./routes/course/PhotoComparePage.tsx'), 'PhotoComparePage');
const CourseConsentPage = page(() => import('./routes/consent/CourseConsentPage.tsx'), 'CourseConsentPage');
const ConsentPage = page(() => import('./routes/consent/ConsentPage.tsx'), 'ConsentPage');
const SessionFormPage = page(() => import('./routes/session/SessionFormPage.tsx'), 'SessionFormPage');
const SessionPage = page(() => import('./routes/session/SessionPage.tsx'), 'SessionPage');
const AdverseEventPage = page(() => import('./routes/adverse/AdverseEventPage.tsx'), 'AdverseEventPage');
const CatalogPage = page(() => import('./routes/catalog/CatalogPage.tsx'), 'CatalogPage');
const FollowUpsPage = page(() => import('./routes/followups/FollowUpsPage.tsx'), 'FollowUpsPage');
const ReportsPage = page(() => import('./routes/reports/ReportsPage.tsx'), 'ReportsPage');
const EventPage = page(() => import('./routes/adverse/EventPage.tsx'), 'EventPage');
const SettingsPage = page(() => import('./routes/settings/SettingsPage.tsx'), 'SettingsPage');
const AuditPage = page(() => import('./routes/audit/AuditPage.tsx'), 'AuditPage');
const AlertsPage = page(() => import('./routes/alerts/AlertsPage.tsx'), 'AlertsPage');

function NotFound() {
  const { t } = useTranslation();
  return (
    <Center py={80}>
      <Stack align="center">
        <Title order={1} size="h2">
          404
        </Title>
        <Text c="dimmed">{t('errors.pageNotFound')}</Text>
        <Button component={Link} to="/" variant="light">
          {t('errors.goHome')}
        </Button>
      </Stack>
    </Center>
  );
}

/** The app: the login until someone is signed in, then the screens their role allows. */
export function App() {
  const session = useSession();
  useIdleLock(session.status === 'signed-in', session.lock);
  if (session.status === 'checking') return <PageLoader />;
  if (session.status !== 'signed-in') return <LoginPage />;
  return (
    <AppLayout>
      <Suspense fallback={<PageLoader />}>
        <Routes>
          <Route path="/" element={<TodayPage />} />
          <Route path="/patients" element={<RequireCapability capability="patients.read"><PatientsPage /></RequireCapability>} />
          <Route path="/patients/new" element={<RequireCapability capability="patients.write"><RegisterPatientPage /></RequireCapability>} />
          <Route path="/patients/:id/courses/new" element={<RequireCapability capability="courses.plan"><CoursePlannerPage /></RequireCapability>} />
          <Route path="/patients/:id/courses/:courseId" element={<RequireCapability capability="clinical.read"><CoursePage /></RequireCapability>} />
          <Route path="/patients/:id/courses/:courseId/edit" element={<RequireCapability capability="courses.plan"><CourseEditPage /></RequireCapability>} />
          <Route path="/patients/:id/courses/:courseId/photos" element={<RequireCapability capability="photos.read"><PhotoComparePage /></RequireCapability>} />
          <Route path="/patients/:id/courses/:courseId/consent" element={<RequireCapability capability="consents.manage"><CourseConsentPage /></RequireCapability>} />
          <Route path="/patients/:id/courses/:courseId/sessions/new" element={<RequireCapability capability="sessions.record"><SessionFormPage /></RequireCapability>} />
          <Route path="/patients/:id/consents/:consentId" element={<RequireCapability capability="clinical.read"><ConsentPage /></RequireCapability>} />
          <Route path="/patients/:id/sessions/:sessionId" element={<RequireCapability capability="clinical.read"><SessionPage /></RequireCapability>} />
          <Route path="/patients/:id/adverse-events/new" element={<RequireCapability capability="adverse-events.write"><AdverseEventPage /></RequireCapability>} />
          <Route path="/patients/:id/adverse-events/:eventId" element={<RequireCapability capability="adverse-events.read"><EventPage /></RequireCapability>} />
          <Route path="/patients/:id/*" element={<RequireCapability capability="patients.read"><ChartPage /></RequireCapability>} />
          <Route path="/catalog/:tab?" element={<RequireCapability capability="catalog.read"><CatalogPage /></RequireCapability>} />
          <Route path="/alerts" element={<RequireCapability capability="clinical.read"><AlertsPage /></RequireCapability>} />
          <Route path="/follow-ups" element={<RequireCapability capability="adverse-events.read"><FollowUpsPage /></RequireCapability>} />
          <Route path="/reports" element={<RequireCapability capability="reports.read"><ReportsPage /></RequireCapability>} />
          <Route path="/settings/:tab?" element={<SettingsPage />} />
          <Route path="/audit" element={<RequireCapability capability="audit.read"><AuditPage /></RequireCapability>} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </AppLayout>
  );
}
