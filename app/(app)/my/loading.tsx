import { ListSkeleton, Loading } from '../../_components/Skeleton';

export default function MyCasesLoading() {
  return (
    <Loading>
      <ListSkeleton />
    </Loading>
  );
}
