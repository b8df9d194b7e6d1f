namespace EdgeNode.Daemon.Sampling;

/// <summary>Told each time a sensor's driver is opened, the sensor found and identified (again after each reopening).</summary>
public interface ISensorIdentifiedObserver
{
    void Identified(string sensor);
}
