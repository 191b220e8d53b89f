import { lazy, Suspense, useEffect } from 'react';
import { ConfigProvider } from 'antd';
import zhCNLocale from 'antd/locale/zh_CN';
import enLocale from 'antd/locale/en_US';
import { QueryClient, QueryClientProvider, onlineManager } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api/problem';
import Shell from './components/Shell';
import Home from './pages/Home';
import { Loading } from './components/States';

const Search = lazy(() => import('./pages/Search'));
const AchievementDetail = lazy(() => import('./pages/AchievementDetail'));
const DemandDetail = lazy(() => import('./pages/DemandDetail'));
const PackageDetail = lazy(() => import('./pages/PackageDetail'));
const Listings = lazy(() => import('./pages/Listings'));
const AchievementFormPage = lazy(() => import('./pages/AchievementFormPage'));
const DemandFormPage = lazy(() => import('./pages/DemandFormPage'));
const MyOrganisation = lazy(() => import('./pages/MyOrganisation'));
const Imports = lazy(() => import('./pages/Imports'));
const Moderation = lazy(() => import('./pages/Moderation'));
const ServiceOffers = lazy(() => import('./pages/servicematch/ServiceOffers'));
const ServiceOfferDetail = lazy(() => import('./pages/servicematch/ServiceOfferDetail'));
const ServiceOfferFormPage = lazy(() => import('./pages/servicematch/ServiceOfferFormPage'));
const ServiceRequests = lazy(() => import('./pages/servicematch/ServiceRequests'));
const ServiceRequestDetail = lazy(() => import('./pages/servicematch/ServiceRequestDetail'));
const ServiceRequestFormPage = lazy(() => import('./pages/servicematch/ServiceRequestFormPage'));

const Negotiations = lazy(() => import('./pages/deals/Negotiations'));
const NegotiationRoom = lazy(() => import('./pages/deals/NegotiationRoom'));
const Contracts = lazy(() => import('./pages/deals/Contracts'));
const ContractPage = lazy(() => import('./pages/deals/ContractPage'));
const RegistrationDesk = lazy(() => import('./pages/deals/RegistrationDesk'));
const BrokerWorkbench = lazy(() => import('./pages/deals/BrokerWorkbench'));
const Statistics = lazy(() => import('./pages/deals/Statistics'));

const Instruments = lazy(() => import('./pages/instrument/Instruments'));
const InstrumentDetail = lazy(() => import('./pages/instrument/InstrumentDetail'));
const MyBookings = lazy(() => import('./pages/instrument/MyBookings'));
const Engagements = lazy(() => import('./pages/credit/Engagements'));
const Blacklist = lazy(() => import('./pages/credit/Blacklist'));
const AdminBlacklist = lazy(() => import('./pages/credit/AdminBlacklist'));

const CommissionerApply = lazy(() => import('./pages/commissioner/Apply'));
const CommissionerConsents = lazy(() => import('./pages/commissioner/Consents'));
const CommissionerReview = lazy(() => import('./pages/commissioner/Review'));
const CommissionerNotice = lazy(() => import('./pages/commissioner/Notice'));
const CommissionerArchive = lazy(() => import('./pages/commissioner/Archive'));
const CommissionerEvaluation = lazy(() => import('./pages/commissioner/Evaluation'));
const CommissionerStatistics = lazy(() => import('./pages/commissioner/Statistics'));
const NotFound = lazy(() => import('./pages/NotFound'));
const VoucherAdmin = lazy(() => import('./pages/voucher/VoucherAdmin'));
const MyVouchers = lazy(() => import('./pages/voucher/MyVouchers'));
const ServicesList = lazy(() => import('./pages/voucher/ServicesPage').then((m) => ({ default: m.ServicesList })));
const ServiceDetail = lazy(() => import('./pages/voucher/ServicesPage'));
const OrderPage = lazy(() => import('./pages/voucher/OrderPage'));
const ProviderWorkbench = lazy(() => import('./pages/voucher/ProviderWorkbench'));
const VoucherStatistics = lazy(() => import('./pages/voucher/VoucherStatisticsPage'));
const RouteError = lazy(() => import('./components/RouteError'));

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not get better by asking again; network errors and 5xx get two more tries.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

const page = (element: React.ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

const router = createBrowserRouter([
  {
    path: '/',
    element: <Shell />,
    // Errors of a page stay inside the shell: header and menu keep working.
    children: [{ errorElement: page(<RouteError />), children: [
      { index: true, element: <Home /> },
      { path: 'search', element: page(<Search />) },
      { path: 'achievements', element: page(<Listings kind="achievements" />) },
      { path: 'achievements/new', element: page(<AchievementFormPage />) },
      { path: 'achievements/:id', element: page(<AchievementDetail />) },
      { path: 'achievements/:id/edit', element: page(<AchievementFormPage />) },
      { path: 'demands', element: page(<Listings kind="demands" />) },
      { path: 'demands/new', element: page(<DemandFormPage />) },
      { path: 'demands/:id', element: page(<DemandDetail />) },
      { path: 'demands/:id/edit', element: page(<DemandFormPage />) },
      { path: 'packages', element: page(<Listings kind="packages" />) },
      { path: 'packages/:id', element: page(<PackageDetail />) },
      { path: 'me/organisation', element: page(<MyOrganisation />) },
      { path: 'me/organisation/imports', element: page(<Imports />) },
      { path: 'admin/moderation', element: page(<Moderation />) },
      { path: 'service-offers', element: page(<ServiceOffers />) },
      { path: 'service-offers/new', element: page(<ServiceOfferFormPage />) },
      { path: 'service-offers/:id', element: page(<ServiceOfferDetail />) },
      { path: 'service-offers/:id/edit', element: page(<ServiceOfferFormPage />) },
      { path: 'service-requests', element: page(<ServiceRequests />) },
      { path: 'service-requests/new', element: page(<ServiceRequestFormPage />) },
      { path: 'service-requests/:id', element: page(<ServiceRequestDetail />) },
      { path: 'service-requests/:id/edit', element: page(<ServiceRequestFormPage />) },
      { path: 'negotiations', element: page(<Negotiations />) },
      { path: 'negotiations/:id', element: page(<NegotiationRoom />) },
      { path: 'contracts', element: page(<Contracts />) },
      { path: 'contracts/:id', element: page(<ContractPage />) },
      { path: 'broker', element: page(<BrokerWorkbench />) },
      { path: 'admin/registration', element: page(<RegistrationDesk />) },
      { path: 'statistics', element: page(<Statistics />) },
      { path: 'admin/vouchers', element: page(<VoucherAdmin />) },
      { path: 'me/vouchers', element: page(<MyVouchers />) },
      { path: 'services', element: page(<ServicesList />) },
      { path: 'services/:id', element: page(<ServiceDetail />) },
      { path: 'orders/:id', element: page(<OrderPage />) },
      { path: 'provider/vouchers', element: page(<ProviderWorkbench />) },
      { path: 'statistics/vouchers', element: page(<VoucherStatistics />) },
      { path: 'instruments', element: page(<Instruments />) },
      { path: 'instruments/:id', element: page(<InstrumentDetail />) },
      { path: 'me/bookings', element: page(<MyBookings />) },
      { path: 'me/engagements', element: page(<Engagements />) },
      { path: 'blacklist', element: page(<Blacklist />) },
      { path: 'admin/blacklist', element: page(<AdminBlacklist />) },
      { path: 'commissioners/apply', element: page(<CommissionerApply />) },
      { path: 'commissioners/consents', element: page(<CommissionerConsents />) },
      { path: 'commissioners/notice', element: page(<CommissionerNotice />) },
      { path: 'commissioners/archive', element: page(<CommissionerArchive />) },
      { path: 'admin/commissioners', element: page(<CommissionerReview />) },
      { path: 'admin/commissioner-evaluations', element: page(<CommissionerEvaluation />) },
      { path: 'statistics/commissioners', element: page(<CommissionerStatistics />) },
      { path: '*', element: page(<NotFound />) },
    ] }],
  },
]);

export default function App() {
  const { i18n } = useTranslation();
  useEffect(() => {
    const onChange = () => void queryClient.invalidateQueries();
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, [i18n]);
  useEffect(() => onlineManager.subscribe(() => undefined), []);
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enLocale : zhCNLocale} theme={{ token: { colorPrimary: '#1f6f43' } }}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ConfigProvider>
  );
}
