// /sovereigns/:name: one Sovereign's revisions, the comparison of two, and "Change this Sovereign".
import { SovereignView } from '../components/sovereigns/sovereign-view';
import { RouteParamPage } from './route-param-page';

/** A Sovereign's page; lazily routed. */
export function SovereignPage() {
  return (
    <RouteParamPage param="name" subtitle="sovereign" title={(name) => `Sovereign ${name}`}>
      {(name) => <SovereignView key={name} name={name} />}
    </RouteParamPage>
  );
}
