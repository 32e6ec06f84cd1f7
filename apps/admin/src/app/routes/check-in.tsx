import { CheckInScreen } from '../../features/check-in/components/check-in-screen.tsx';

/** /check-in: the gate, for staff on a phone or tablet. */
export default function CheckInRoute() {
  return <CheckInScreen />;
}
