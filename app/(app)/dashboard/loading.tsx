import { Bar, Card, Loading } from '../../_components/Skeleton';

export default function DashboardLoading() {
  return (
    <Loading>
      <Bar className="h-7 w-32" />
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        {[0, 1].map((i) => (
          <Card key={i}>
            <Bar className="h-4 w-20" />
            <Bar className="h-8 w-12" />
          </Card>
        ))}
      </div>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
        {Array.from({ length: 10 }, (_, i) => (
          <Card key={i} className="p-3">
            <Bar className="h-3 w-12" />
            <Bar className="h-5 w-6" />
          </Card>
        ))}
      </div>
    </Loading>
  );
}
