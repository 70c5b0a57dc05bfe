/** The CRM feature: the /crm page (my CRMs, their customers and sales dashboard, and "create CRM" from the template). */
export { CrmRoute } from './routes/crm-route.tsx';
