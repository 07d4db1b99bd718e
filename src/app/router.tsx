import { createBrowserRouter } from 'react-router';
import { routes } from './routes';

/** The browser router over the one route table. */
export const router = createBrowserRouter(routes);
