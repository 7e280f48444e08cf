import { createRoot } from 'react-dom/client';
import { OptionsApp } from './OptionsApp';
import '@/components/base.css';

createRoot(document.getElementById('root')!).render(<OptionsApp />);
