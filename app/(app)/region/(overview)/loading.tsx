import { ListSkeleton, Loading } from '../../../_components/Skeleton';

export default function RegionLoading() {
  return (
    <Loading>
      <ListSkeleton />
    </Loading>
  );
}
