import { ListSkeleton, Loading } from '../../../_components/Skeleton';

export default function PanelCasesLoading() {
  return (
    <Loading>
      <ListSkeleton grid />
    </Loading>
  );
}
