import { ListSkeleton, Loading } from '../../_components/Skeleton';

export default function InboxLoading() {
  return (
    <Loading>
      <ListSkeleton />
    </Loading>
  );
}
