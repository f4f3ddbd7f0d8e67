import { Bar, Card, Loading } from '../../_components/Skeleton';

/** The queue's frame: title, filters, a table of rows. */
export default function IntakeLoading() {
  return (
    <Loading>
      <div className="flex items-center justify-between">
        <Bar className="h-7 w-32" />
        <Bar className="h-11 w-28" />
      </div>
      <Card className="flex-row flex-wrap">
        <Bar className="h-9 min-w-64 flex-1" />
        {[0, 1, 2, 3].map((i) => (
          <Bar key={i} className="h-9 w-24" />
        ))}
      </Card>
      <Card className="gap-4">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="flex gap-4">
            <Bar className="h-4 w-36" />
            <Bar className="h-4 flex-1" />
            <Bar className="h-4 w-16" />
          </div>
        ))}
      </Card>
    </Loading>
  );
}
