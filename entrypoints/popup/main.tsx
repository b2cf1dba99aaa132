// The toolbar popup: the connection, and the page the user is on.
import { mountExtensionPage } from '@/components/mount-page';
import { Popup } from '@/components/Popup';

mountExtensionPage(<Popup />);
