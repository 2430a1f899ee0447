import type { ComponentType } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { Layout } from './components/Layout';
import { RequireSignIn } from './components/RequireSignIn';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SessionProvider } from './session/SessionProvider';

/** A page for signed-in users only, loaded when first opened. */
function signedIn(load: () => Promise<ComponentType>) {
  return async () => {
    const Page = await load();
    return {
      Component: () => (
        <RequireSignIn>
          <Page />
        </RequireSignIn>
      ),
    };
  };
}

// Pages other than the home page are loaded when first opened: learners on slow mobile
// connections download only what the page in front of them needs (the administration pages too).
const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'status', lazy: async () => ({ Component: (await import('./pages/StatusPage')).StatusPage }) },
      { path: 'dang-nhap', lazy: async () => ({ Component: (await import('./pages/SignInPage')).SignInPage }) },
      { path: 'dang-ky', lazy: async () => ({ Component: (await import('./pages/RegisterPage')).RegisterPage }) },
      { path: 'doi-mat-khau', lazy: signedIn(async () => (await import('./pages/ChangePasswordPage')).ChangePasswordPage) },
      { path: 'tai-khoan', lazy: signedIn(async () => (await import('./pages/AccountPage')).AccountPage) },
      // Khoá học: the public catalogue and a published course's page.
      { path: 'khoa-hoc', lazy: async () => ({ Component: (await import('./courses/CatalogPage')).CatalogPage }) },
      { path: 'khoa-hoc/:courseId', lazy: async () => ({ Component: (await import('./courses/PublishedCoursePage')).PublishedCoursePage }) },
      // Soạn bài: authors' courses and the course editor (course.author; each page checks it).
      { path: 'soan-bai', lazy: signedIn(async () => (await import('./courses/MyCoursesPage')).MyCoursesPage) },
      { path: 'soan-bai/:courseId', lazy: signedIn(async () => (await import('./courses/CourseEditorPage')).CourseEditorPage) },
      // Học: one lesson, played or read (an enrolled learner's progress is recorded; collaborators preview).
      { path: 'hoc/:courseId/:lessonId', lazy: signedIn(async () => (await import('./courses/player/LessonPage')).LessonPage) },
      // Học tập: the learner's dashboard and competency profile (course.learn).
      { path: 'hoc-tap', lazy: signedIn(async () => (await import('./learning/LearningPage')).LearningPage) },
      { path: 'nang-luc', lazy: signedIn(async () => (await import('./learning/ProfilePage')).ProfilePage) },
      { path: 'con-cua-toi', lazy: signedIn(async () => (await import('./pages/MyChildrenPage')).MyChildrenPage) },
      { path: 'con-cua-toi/:childId', lazy: signedIn(async () => (await import('./learning/ChildLearningPage')).ChildLearningPage) },
      {
        // Giảng dạy: a class's progress, assigning courses, reviewing evidence (teachers and managers).
        path: 'giang-day',
        lazy: async () => ({ Component: (await import('./teaching/TeachingLayout')).TeachingLayout }),
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./teaching/ClassProgressPage')).ClassProgressPage }) },
          { path: 'giao-khoa-hoc', lazy: async () => ({ Component: (await import('./teaching/AssignPage')).AssignPage }) },
          { path: 'minh-chung', lazy: async () => ({ Component: (await import('./teaching/EvidenceReviewPage')).EvidenceReviewPage }) },
        ],
      },
      {
        // Quản trị: organisation tree, accounts, roster imports, registrations (managers only).
        path: 'quan-tri',
        lazy: async () => ({ Component: (await import('./admin/AdminLayout')).AdminLayout }),
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./admin/AdminHomePage')).AdminHomePage }) },
          { path: 'don-vi', lazy: async () => ({ Component: (await import('./admin/OrgTreePage')).OrgTreePage }) },
          { path: 'nguoi-dung', lazy: async () => ({ Component: (await import('./admin/UsersPage')).UsersPage }) },
          { path: 'nguoi-dung/tao-moi', lazy: async () => ({ Component: (await import('./admin/CreateUserPage')).CreateUserPage }) },
          { path: 'nguoi-dung/:userId', lazy: async () => ({ Component: (await import('./admin/UserDetailPage')).UserDetailPage }) },
          { path: 'nhap-danh-sach', lazy: async () => ({ Component: (await import('./admin/RosterImportPage')).RosterImportPage }) },
          { path: 'dang-ky', lazy: async () => ({ Component: (await import('./admin/RegistrationsPage')).RegistrationsPage }) },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return (
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  );
}
