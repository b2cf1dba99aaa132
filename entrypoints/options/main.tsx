// The options page: connecting the extension to the company's sync-status service.
import { mountExtensionPage } from '@/components/mount-page';
import { OptionsPage } from '@/components/OptionsPage';

mountExtensionPage(<OptionsPage />);
