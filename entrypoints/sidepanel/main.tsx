// The side panel: the account's errors, and syncing a record by its address.
import { mountExtensionPage } from '@/components/mount-page';
import { SidePanel } from '@/components/SidePanel';

mountExtensionPage(<SidePanel />);
