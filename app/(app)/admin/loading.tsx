import { ListSkeleton, Loading } from '../../_components/Skeleton';

export default function AdminLoading() {
  return (
    <Loading>
      <ListSkeleton />
    </Loading>
  );
}
