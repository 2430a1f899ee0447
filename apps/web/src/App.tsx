import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { Layout } from './components/Layout';
import { RequireSignIn } from './components/RequireSignIn';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SessionProvider } from './session/SessionProvider';

// Pages other than the home page are loaded when first opened: learners on slow mobile
// connections download only what the page in front of them needs.
const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'status', lazy: async () => ({ Component: (await import('./pages/StatusPage')).StatusPage }) },
      { path: 'dang-nhap', lazy: async () => ({ Component: (await import('./pages/SignInPage')).SignInPage }) },
      {
        path: 'doi-mat-khau',
        lazy: async () => {
          const { ChangePasswordPage } = await import('./pages/ChangePasswordPage');
          return {
            Component: () => (
              <RequireSignIn>
                <ChangePasswordPage />
              </RequireSignIn>
            ),
          };
        },
      },
      {
        path: 'tai-khoan',
        lazy: async () => {
          const { AccountPage } = await import('./pages/AccountPage');
          return {
            Component: () => (
              <RequireSignIn>
                <AccountPage />
              </RequireSignIn>
            ),
          };
        },
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
