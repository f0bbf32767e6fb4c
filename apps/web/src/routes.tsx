import { Center, Loader } from '@mantine/core';
import type { Action } from '@uplift/domain';
import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from './components/app-layout';
import { RequireAction } from './components/require-action';
import { RouteError } from './components/route-error';
import { SessionGate } from './components/session-gate';
import { NotFoundPage } from './pages/not-found-page';
import { SignInPage } from './pages/sign-in-page';

/**
 * A page loaded on first visit (its own chunk: the form brings zod, the backlog its table), shown only
 * to roles that have `action` when one is named.
 */
const page = (load: () => Promise<ComponentType>, action?: Action): Pick<RouteObject, 'lazy' | 'errorElement'> => ({
  errorElement: <RouteError />,
  lazy: async () => {
    const Page = await load();
    return {
      element: action ? (
        <RequireAction action={action}>
          <Page />
        </RequireAction>
      ) : (
        <Page />
      ),
    };
  },
});

const loading = (
  <Center h="100vh">
    <Loader />
  </Center>
);

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    path: '/invite/:token',
    hydrateFallbackElement: loading,
    ...page(async () => (await import('./pages/invitation/invitation-page')).InvitationPage),
  },
  {
    element: (
      <SessionGate>
        <AppLayout />
      </SessionGate>
    ),
    hydrateFallbackElement: loading,
    errorElement: <RouteError />,
    children: [
      { index: true, ...page(async () => (await import('./pages/backlog/backlog-page')).BacklogPage) },
      {
        path: 'hypotheses/new',
        ...page(
          async () => (await import('./pages/hypothesis-form/new-hypothesis-page')).NewHypothesisPage,
          'hypothesis.create',
        ),
      },
      {
        path: 'hypotheses/:id',
        ...page(async () => (await import('./pages/hypothesis/hypothesis-page')).HypothesisPage),
      },
      {
        path: 'hypotheses/:id/edit',
        ...page(
          async () => (await import('./pages/hypothesis-form/edit-hypothesis-page')).EditHypothesisPage,
          'hypothesis.edit',
        ),
      },
      {
        path: 'experiments',
        ...page(async () => (await import('./pages/experiments/experiments-page')).ExperimentsPage),
      },
      {
        path: 'experiments/new',
        ...page(
          async () => (await import('./pages/experiment-form/new-experiment-page')).NewExperimentPage,
          'experiment.create',
        ),
      },
      {
        path: 'experiments/:key',
        ...page(async () => (await import('./pages/experiment/experiment-page')).ExperimentPage),
      },
      {
        path: 'experiments/:key/edit',
        ...page(
          async () => (await import('./pages/experiment-form/edit-experiment-page')).EditExperimentPage,
          'experiment.create',
        ),
      },
      { path: 'ladder', ...page(async () => (await import('./pages/ladder/board/ladder-page')).LadderPage) },
      { path: 'ladder/inbox', ...page(async () => (await import('./pages/ladder/inbox/inbox-page')).InboxPage) },
      {
        path: 'ladder/offers/:id',
        ...page(async () => (await import('./pages/ladder/offer/offer-page')).OfferPage),
      },
      {
        path: 'settings',
        ...page(async () => (await import('./pages/settings/settings-page')).SettingsPage, 'workspace.settings'),
      },
      {
        path: 'settings/integrations',
        ...page(async () => (await import('./pages/integrations/integrations-page')).IntegrationsPage, 'apikey.manage'),
      },
      {
        path: 'members',
        ...page(async () => (await import('./pages/members/members-page')).MembersPage, 'member.manage'),
      },
      { path: 'insights', ...page(async () => (await import('./pages/insights/insights-page')).InsightsPage) },
      { path: 'roadmap', ...page(async () => (await import('./pages/roadmap/roadmap-page')).RoadmapPage) },
      { path: 'learnings', ...page(async () => (await import('./pages/learnings/learnings-page')).LearningsPage) },
      { path: 'audit', ...page(async () => (await import('./pages/audit-log-page')).AuditLogPage) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
